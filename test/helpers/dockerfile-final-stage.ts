/** One instruction of a Dockerfile: its keyword (upper-case) and the rest of its line. */
export type DockerInstruction = { keyword: string; args: string };

/**
 * The instructions of a Dockerfile's last stage (after its last `FROM`), with continuation lines joined
 * and comments and blank lines left out.
 */
export function dockerfileFinalStage(dockerfile: string): DockerInstruction[] {
  const instructions = dockerfile
    .replace(/\\\r?\n/g, ' ')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const [keyword = '', ...rest] = line.split(/\s+/);
      return { keyword: keyword.toUpperCase(), args: rest.join(' ') };
    });
  const lastFrom = instructions.map((instruction) => instruction.keyword).lastIndexOf('FROM');
  if (lastFrom < 0) throw new Error('the Dockerfile has no FROM');
  return instructions.slice(lastFrom + 1);
}
