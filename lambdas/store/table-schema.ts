// The one definition of the archive table's keys. The CDK stack (lib/) and the embedded local stack
// both build the table from this object, and the store reads its names from here, so the three can
// never drift apart. Plain data: no AWS SDK or CDK import.
//
// Item layout (one table, no secondary index; every item is written once per change and costs one
// write unit per KB, so an index entry costs one unit, not two as a base item plus the GSI item it feeds):
//   pk = DOC#<id>        sk = HEAD                  the document: latest record (without text) and the
//                                                   keys of its index items, deflate-compressed in `z`
//                                                   (Binary), the first upload's metadata, and `rev`, the
//                                                   revision every commit bumps conditionally
//   pk = DOC#<id>        sk = U#<identity>          one small item (<1 KB, no record) per distinct S3
//                                                   upload after the first, which HEAD carries itself
//   pk = D               sk = <date>#<id>           every processed document (date = meeting, else
//                                                   publication, else 0000-00-00): date ranges, newest first
//   pk = P#<first letter> sk = <token>#<date>#<id>  one per participant name token (nameTokenKeys, hyphen
//                                                   parts only), `n` = the printed names with that token:
//                                                   participant search (exact token) and the name
//                                                   directory (token prefix)
//   pk = O#<organization> sk = <date>#<id>          organization, folded: its acronym when it has one,
//                                                   else its name
//   pk = C#<country>     sk = <date>#<id>           country, folded
//   pk = S#rejected      sk = <uploadedAt>#<id>     rejected documents, newest upload first
//   pk = A#<organization name> sk = <acronym>       alias: a query by the name of an organization that
//                                                   has an acronym also walks O#<acronym> (shared by all
//                                                   documents, written once, never deleted)
//   pk = META            sk = LAYOUT                `layout` = TABLE_LAYOUT, written when the table is created
// Index items exist for the latest version only; a new version deletes the ones it no longer has,
// from the key list on HEAD (what was written, not what today's code would compute). The date, name
// and status partitions are shared by many documents (as the GSI partitions they replace were).
// TABLE_LAYOUT names this layout; the local stack rebuilds a data folder written by another one.

/** A global secondary index, as the CDK stack and the emulators would build it. */
export type IndexDefinition = { name: string; partitionKey: string; sortKey: string } & (
  | { projection: 'KEYS_ONLY' | 'ALL' }
  | { projection: 'INCLUDE'; nonKeyAttributes: readonly string[] }
);

export const TABLE_SCHEMA: {
  readonly partitionKey: 'pk';
  readonly sortKey: 'sk';
  readonly indexes: Readonly<Record<string, IndexDefinition>>;
} = {
  partitionKey: 'pk',
  sortKey: 'sk',
  /** None: index items are base-table items keyed by their term (see above). */
  indexes: {},
};

/** The version of the item layout above; bump it when stored items change shape incompatibly. */
export const TABLE_LAYOUT = 2;

export type IndexName = keyof typeof TABLE_SCHEMA.indexes;

/** Attribute names used as keys anywhere (all strings). */
export const KEY_ATTRIBUTES = ['pk', 'sk'] as const;
