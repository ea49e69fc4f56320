/** A worker thread's entry point: rescores the jobs its pool sends, one at a time. */
import { parentPort } from 'worker_threads';
import { ScoringPolicy } from '../../core/policy';
import { Job } from './inputs';
import { processJob } from './work';

export type WorkerRequest = { job: Job; policy: ScoringPolicy };

parentPort?.on('message', async (request: WorkerRequest) => {
  parentPort?.postMessage(await processJob(request.job, request.policy));
});
