// Command ids the server offers (a module of its own: server.ts names them in its capabilities before the features load).
export const SHOW_RULE_DOC = 'condis.showRuleDocumentation';
/** Opens a place in a document (a macro's definition, where a fix would have to be made): arguments uri, line, character. */
export const OPEN_LOCATION = 'condis.openLocation';
