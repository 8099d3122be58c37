// Attribution of a V8 CPU profile (DevTools protocol Profiler.stop) to scripts: each sample's
// time goes to the innermost stack frame that has a script URL (native DOM calls such as
// querySelectorAll have none and count for the script that called them).

export interface CpuProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; scriptId: string; lineNumber: number; columnNumber: number };
  parent?: number;
  children?: number[];
}

export interface CpuProfile {
  nodes: CpuProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

/** Milliseconds of samples per owner; `owner(url)` names who a script URL belongs to (or null). */
export function timeByOwner(profile: CpuProfile, owner: (url: string) => string | null): Map<string, number> {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  for (const node of profile.nodes) for (const child of node.children ?? []) byId.get(child)!.parent ??= node.id;
  const ownerOf = new Map<number, string | null>();
  const resolve = (id: number): string | null => {
    if (ownerOf.has(id)) return ownerOf.get(id)!;
    const node = byId.get(id)!;
    const own = node.callFrame.url ? owner(node.callFrame.url) : undefined;
    // A frame with a URL decides; a frame without one (native, GC, idle) asks its caller.
    const result = own !== undefined ? own : node.parent !== undefined ? resolve(node.parent) : null;
    ownerOf.set(id, result);
    return result;
  };
  const totals = new Map<string, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) {
    // timeDeltas[i] is the time before sample i; the sample stands for the time until the next one.
    const micros = i + 1 < deltas.length ? deltas[i + 1]! : 0;
    const who = resolve(samples[i]!);
    if (who) totals.set(who, (totals.get(who) ?? 0) + micros / 1000);
  }
  return totals;
}

/**
 * Where one owner's time goes: milliseconds per innermost own frame (function, line:column in its
 * script), largest first. The place to look when an owner's total is over its target.
 */
export function hotFrames(profile: CpuProfile, isOwn: (url: string) => boolean, top = 8): { frame: string; ms: number }[] {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  for (const node of profile.nodes) for (const child of node.children ?? []) byId.get(child)!.parent ??= node.id;
  const ownFrame = (id: number | undefined): CpuProfileNode | undefined => {
    for (let node = id === undefined ? undefined : byId.get(id); node; node = node.parent === undefined ? undefined : byId.get(node.parent)) {
      if (node.callFrame.url) return isOwn(node.callFrame.url) ? node : undefined;
    }
    return undefined;
  };
  const totals = new Map<string, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) {
    const node = ownFrame(samples[i]);
    if (!node) continue;
    const { functionName, lineNumber, columnNumber } = node.callFrame;
    const key = `${functionName || '(anonymous)'} ${lineNumber + 1}:${columnNumber + 1}`;
    totals.set(key, (totals.get(key) ?? 0) + (i + 1 < deltas.length ? deltas[i + 1]! : 0) / 1000);
  }
  return [...totals].map(([frame, ms]) => ({ frame, ms })).sort((a, b) => b.ms - a.ms).slice(0, top);
}
