// A scan worker that cannot start, for tests.
throw new Error('this worker does not start');
