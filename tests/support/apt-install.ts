import { execFileSync } from 'node:child_process';

// Installs a missing test browser with apt on Debian/Ubuntu when running as root (CI). Anywhere
// else the caller prints what to install.

export function canInstallWithApt(): boolean {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false;
  try {
    execFileSync('apt-get', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export function aptInstall(debianPackage: string): void {
  console.log(`Installing the Debian package "${debianPackage}" for the browser tests…`);
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '-qq', debianPackage], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}
