/** What the channel itself (not the agent) says to a customer on SMS and WhatsApp. */
export const CUSTOMER_NOTICES = {
  rateLimited: "You're sending messages faster than we can answer them. We've saved everything you sent; please wait a minute before writing again.",
  mediaOnly:
    "Thanks, we've received your file and saved it for our team. I can't open pictures or files myself; could you tell me in words what you need help with?",
  mediaWithText: "I can't open pictures or files myself, but I've saved yours for our team.",
  whatsappStopped: "You won't receive any more messages from us here. Send START if you change your mind.",
  whatsappStarted: "You're subscribed again; send us your question any time.",
} as const;
