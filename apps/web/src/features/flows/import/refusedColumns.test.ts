// A file refused as a whole (a required column missing) still tells the mapping step its columns.
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../api/client';
import { refusedColumns } from './ImportPage';

describe('refused import file', () => {
  it('reads the columns the server found in a file it refused', () => {
    const error = new ApiError(400, 'invalid_file', 'The file has no column for: men', { file: 'has no column for required field(s) men' }, {
      columns: { recognised: { fmp_id: 'fmpId', women: 'women', odd: 3 }, unrecognised: ['Hommes adultes', 7] },
      missing: ['men'],
    });
    expect(refusedColumns(error)).toEqual({ recognised: { fmp_id: 'fmpId', women: 'women' }, unrecognised: ['Hommes adultes'] });
  });

  it('finds none in other failures', () => {
    expect(refusedColumns(new ApiError(400, 'invalid', 'bad', {}, {}))).toBeUndefined();
    expect(refusedColumns(new ApiError(500, 'server', 'oops', {}, { columns: { recognised: {}, unrecognised: [] } }))).toBeUndefined();
    expect(refusedColumns(new Error('network'))).toBeUndefined();
  });
});
