// The one definition of the archive table's keys and indexes. The CDK stack (lib/) and the
// embedded local stack both build the table from this object, and the store reads its names
// from here, so the three can never drift apart. Plain data: no AWS SDK or CDK import.
//
// Item layout (all in one table, partition = one document):
//   pk = DOC#<id>   sk = HEAD            latest version's record (without text) + revision counter
//   pk = DOC#<id>   sk = U#<orderKey>    one item per distinct S3 upload (orderKey = padded sequencer)
//   pk = DOC#<id>   sk = IX#<term>       one item per search term of the latest version (GSI byTerm)
//   pk = DOC#<id>   sk = NM#<personKey>  one item per participant of the latest version (GSI byName)
// Terms: D (any date), P#<name token>, O#<organization name or acronym>, C#<country>, S#<status>.

export const TABLE_SCHEMA = {
  partitionKey: 'pk',
  sortKey: 'sk',
  indexes: {
    /** Every search term of a document's latest version; sort key `<yyyy-mm-dd>#<id>` gives newest-first and date ranges. */
    byTerm: { name: 'byTerm', partitionKey: 'gpk', sortKey: 'gsk', projection: 'KEYS_ONLY' as const },
    /** Participant directory: partition `NM#<first letter>`, sort key `<personKey>#<id>` for prefix lookups. */
    byName: {
      name: 'byName',
      partitionKey: 'npk',
      sortKey: 'nsk',
      projection: 'INCLUDE' as const,
      nonKeyAttributes: ['name'],
    },
  },
} as const;

export type IndexName = keyof typeof TABLE_SCHEMA.indexes;

/** Attribute names used as keys anywhere (all strings). */
export const KEY_ATTRIBUTES = ['pk', 'sk', 'gpk', 'gsk', 'npk', 'nsk'] as const;
