/** `npm run dev`: the same server as `npm start`, with Next in development mode (hot reload). */
import { runCli } from "./cli-runtime";
import { serve } from "./serve";

runCli(async () => {
  await serve(true);
  await new Promise(() => {});
});
