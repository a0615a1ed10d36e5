/** The lines the phone bot says on its own, outside any agent turn. */
export const VOICE_PROMPTS = {
  greeting: 'Hi, thanks for calling support. How can I help you today?',
  reprompt: 'Are you still there? You can ask me a question, or key in your order number followed by the hash key.',
  goodbye: "I haven't heard anything for a while, so I'll end the call now. Goodbye, and thanks for calling.",
  transfer: 'Please hold while I connect you to a member of our team.',
  unavailable: 'Sorry, our phone line is not available right now. Please try again later or contact us on our website.',
  sorry: "Sorry, I'm having trouble right now. Please try again in a moment.",
} as const;
