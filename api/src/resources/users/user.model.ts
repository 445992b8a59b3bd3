import { Model } from 'objection';

export class User extends Model {
  static override tableName = 'users';
  static override jsonAttributes = ['notification_prefs'];

  id!: number;
  email!: string;
  name!: string;
  role!: string;
  status!: 'active' | 'disabled';
  password_hash!: string | null;
}
