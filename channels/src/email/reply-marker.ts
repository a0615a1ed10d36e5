/**
 * The first line of every mail the bot sends. Whatever a customer's client does with the quoted
 * history (Outlook does not prefix it with `>`), their new text ends where this line appears.
 */
export const REPLY_MARKER = '##- Please type your reply above this line -##';
