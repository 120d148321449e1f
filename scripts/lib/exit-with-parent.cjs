// Preloaded (`node -r`) into every app server the scripts start: if the script that started the
// server dies without stopping it (SIGKILL, a crash), the server stops too instead of holding its
// port for the next start. process.ppid changes when the parent is gone.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) process.kill(process.pid, "SIGTERM");
}, 1000).unref();
