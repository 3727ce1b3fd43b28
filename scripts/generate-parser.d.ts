/** Generates the parser module's source text from grammar/message.peggy. */
export function generateParserSource(): Promise<string>;
/** The type declarations written beside the generated parser. */
export const parserTypes: string;
