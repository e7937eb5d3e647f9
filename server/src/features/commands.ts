// Command ids the server offers (a module of its own: server.ts names them in its capabilities before the features load).
export const SHOW_RULE_DOC = 'condis.showRuleDocumentation';
