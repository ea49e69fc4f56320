/** The project's word lists as data. */
export * from './values';
