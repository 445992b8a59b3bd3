import { Model } from 'objection';

/** An Objection model for a table that needs no behaviour of its own. */
export function tableModel(tableName: string, jsonAttributes: string[] = []): typeof Model {
  return class extends Model {
    static override tableName = tableName;
    static override jsonAttributes = jsonAttributes;
  };
}
