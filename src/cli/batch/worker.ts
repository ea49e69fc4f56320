/** A worker thread's entry point: rescores the jobs its pool sends, one at a time. */
import { serve } from "../threads";
import { JobRequest, processJob } from "./work";

serve((request: JobRequest) => processJob(request.job, request.policy, request.lang));
