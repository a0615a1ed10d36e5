/** One labelled customer message: the text as the customer wrote it and the intent it expresses. */
export interface IntentExample {
  text: string;
  intent: string;
}
