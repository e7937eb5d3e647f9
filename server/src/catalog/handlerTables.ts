// Which NDIS structure holds a handler field: facts about the handler tables, kept beside the catalog.

/** The structures a handler field belongs to, NDIS 6 first, then the NDIS 5 form where one exists. */
export function handlerTablesOf(field: string, note: string | null): string[] {
  if (note) {
    // One note may name a structure per field (`NDIS 5 NDIS_CLIENT_CHARACTERISTICS / NDIS_CALL_MANAGER_CHARACTERISTICS`
    // for `ClRequestHandler/CmRequestHandler`): a Cl field lives in the client's, a Cm field in the call manager's.
    const tables = note.replace(/^NDIS 5\s+/, '').split('/').map((t) => t.trim()).filter(Boolean);
    if (tables.length < 2) return tables;
    const mine = tables.filter((t) => field.startsWith('Cm') ? /CALL_MANAGER/.test(t) : field.startsWith('Cl') ? /CLIENT/.test(t) : true);
    return mine.length ? mine : tables;
  }
  if (field.startsWith('Cm')) return ['NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS', 'NDIS_CALL_MANAGER_CHARACTERISTICS'];
  if (field.startsWith('Cl')) return ['NDIS_CO_CLIENT_OPTIONAL_HANDLERS', 'NDIS_CLIENT_CHARACTERISTICS'];
  if (field.startsWith('Co')) return ['NDIS_MINIPORT_CO_CHARACTERISTICS'];
  return [];
}
