/** The worker thread of `selfeval score`: scores the files it is sent, one at a time. */
import { ScoreRequest, scoreFile } from "./score-command";
import { serve } from "./threads";

serve((request: ScoreRequest) => scoreFile(request.file, request.policy, request.lang));
