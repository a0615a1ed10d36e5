import { runReplay } from './tau-replay.command';
(async () => {
  const t = Date.now();
  const s = await runReplay({ tasksPath: process.argv[2], dbFolder: '/work/shared/datasets/tau-bench-retail/db', outPath: process.argv[3], finalDb: 'changes', progress: () => {} });
  console.log(JSON.stringify({ tasks: s.tasks, clean: s.clean, refused: s.refused }, null, 1), (Date.now() - t) / 1000, 's');
})();
