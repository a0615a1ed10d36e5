/** What the customer is told when a person takes over, by reason. Never silence, never a guess. */
export function handoffMessageForCustomer(reason: string): string {
  switch (reason) {
    case 'customer_request':
      return "Of course. I'm passing you to a member of our team now; they will see this conversation, so you won't need to repeat yourself.";
    case 'no_answer':
    case 'low_confidence':
      return "I'm sorry, I don't know the answer to that, and I'd rather not guess. I've passed your question to a member of our team, who will get back to you here.";
    case 'provider_error':
    case 'deadline':
    case 'model_stalled':
    case 'answer_cut_off':
      return "I'm sorry, I'm having trouble answering right now. I've passed your message to a member of our team, who will get back to you here.";
    case 'action_needs_person':
      return 'A member of our team needs to make that change for you. I have passed on your request with the details above, and they will get back to you here.';
    default:
      return "I've passed this conversation to a member of our team, who will get back to you here shortly.";
  }
}
