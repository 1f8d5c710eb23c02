import { Template } from "adaptivecards-templating";
import { CardFactory, type Attachment } from "botbuilder";

/** Expands a card template with data and wraps it as an attachment. */
export function renderCard(template: object, data: Record<string, unknown>): Attachment {
  const card = new Template(template).expand({ $root: data }) as object;
  return CardFactory.adaptiveCard(card);
}
