import type { ImportKind } from '../providers/dataProvider';

/** The CSV columns the API reads for each kind of import (API.md, "CSV import"). */
export const IMPORT_COLUMNS: Record<ImportKind, { required: string[]; optional: string[]; example: string; notes: string }> = {
  students: {
    required: ['email'],
    optional: ['name', 'phone', 'address', 'batch_code', 'mission_codes'],
    example:
      'email,name,phone,address,batch_code,mission_codes\nrahim@example.org,Rahim Uddin,+8801711000000,Dhaka,B2027-01,M1;M2',
    notes:
      'Existing students are matched by email and updated. New students get an invitation email. mission_codes: codes of missions of that batch, separated by ";".',
  },
  enrolments: {
    required: ['email', 'batch_code'],
    optional: ['mission_code'],
    example: 'email,batch_code,mission_code\nrahim@example.org,B2027-01,M1',
    notes: 'Adds existing students to a batch, and to one of its missions when mission_code is given.',
  },
  pairings: {
    required: ['email', 'batch_code', 'mission_code', 'mentor_email'],
    optional: [],
    example: 'email,batch_code,mission_code,mentor_email\nrahim@example.org,B2027-01,M1,mentor@example.com',
    notes: 'Pairs enrolled students with a mentor already assigned to the mission.',
  },
};
