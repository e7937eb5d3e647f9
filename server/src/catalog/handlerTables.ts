// Which NDIS structure holds a handler field: facts about the handler tables, kept beside the catalog.

/** The structures a handler field belongs to, NDIS 6 first, then the NDIS 5 form where one exists. */
export function handlerTablesOf(field: string, note: string | null): string[] {
  if (note) return [note.replace(/^NDIS 5\s+/, '')];
  if (field.startsWith('Cm')) return ['NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS', 'NDIS_CALL_MANAGER_CHARACTERISTICS'];
  if (field.startsWith('Cl')) return ['NDIS_CO_CLIENT_OPTIONAL_HANDLERS', 'NDIS_CLIENT_CHARACTERISTICS'];
  if (field.startsWith('Co')) return ['NDIS_MINIPORT_CO_CHARACTERISTICS'];
  return [];
}
