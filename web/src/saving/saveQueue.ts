/**
 * One save at a time, for every screen that saves as the person types (a report, a
 * self-assessment). A save asked for while one runs is made once, right after it, with what is
 * there by then; everyone who asked in the meantime gets that save's answer. Nothing waits on a
 * promise that can never settle, and no two saves of one screen are ever in flight together.
 */
export interface SaveQueue {
  /** Saves now, or right after the save in flight; resolves with that save's answer. */
  flush(): Promise<boolean>;
  /** True while a save is in flight. */
  busy(): boolean;
}

export function createSaveQueue(save: () => Promise<boolean>): SaveQueue {
  let running: Promise<boolean> | null = null;
  let following: Promise<boolean> | null = null;

  const start = (): Promise<boolean> => {
    const current = Promise.resolve().then(save);
    running = current;
    const release = () => {
      if (running === current) running = null;
    };
    current.then(release, release);
    return current;
  };

  return {
    flush() {
      if (!running) return start();
      if (!following) {
        following = running
          .then(
            () => undefined,
            () => undefined,
          )
          .then(() => {
            following = null;
            return start();
          });
      }
      return following;
    },
    busy: () => running !== null,
  };
}
