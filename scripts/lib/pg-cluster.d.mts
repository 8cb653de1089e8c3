// Types for the TypeScript tests that start a cluster of their own (the .mjs carries JSDoc only).
export interface PgCluster {
  adminUrl: string;
  port: number;
  dir: string;
  /** Stops the cluster and removes its folder. */
  stop(): void;
  /** SIGKILL to the postmaster (a crash); returns its pid. */
  kill(): number;
  /** Starts the cluster again on the same data folder and port. */
  restart(): Promise<void>;
}
export function startPgCluster(options?: { crashSafe?: boolean }): Promise<PgCluster>;
export function clusterConfig(o: { port: number; socketDir: string; crashSafe?: boolean }): string;
export const HBA: string;
export function asPgUser(isRoot: boolean, bin: string, args: string[]): [string, string[]];
export function canStartPgCluster(): boolean;
