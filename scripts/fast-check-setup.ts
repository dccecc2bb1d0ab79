import fc from 'fast-check';

/**
 * Property tests run on one fixed seed by default, so that the suite (and CI) gives the same answer
 * every time; `FC_SEED=<n>` replays another seed and `FC_SEED=random` explores new ones (a failure
 * prints the seed and path to replay it).
 */
const seed = process.env.FC_SEED;
if (seed !== 'random') fc.configureGlobal({ seed: seed === undefined ? 20_261_206 : Number(seed) });
