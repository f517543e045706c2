//! 朗读: where reading an article aloud stands, and how it moves on. Plain
//! Rust; the `use_speech` hook drives the browser's speech synthesis with it.

/// Where reading aloud stands. `run` tells one reading from the next, so an
/// utterance of a reading that was stopped cannot move the new one on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reading {
    /// Nothing is read (`run`: the last reading's number).
    Idle { run: u32 },
    /// Block `at` (0: the title) is being read.
    Speaking { run: u32, at: usize },
    /// Paused in block `at`.
    Paused { run: u32, at: usize },
}

/// Something that happened to a reading.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Event {
    /// 朗读: from the start.
    Start,
    Pause,
    Resume,
    Stop,
    /// The utterance of block `at` in reading `run` ended; `blocks` there are.
    Ended {
        run: u32,
        at: usize,
        blocks: usize,
    },
}

impl Default for Reading {
    fn default() -> Self {
        Reading::Idle { run: 0 }
    }
}

impl Reading {
    /// The reading's number (the last one's while idle).
    fn run(self) -> u32 {
        match self {
            Reading::Idle { run } | Reading::Speaking { run, .. } | Reading::Paused { run, .. } => {
                run
            }
        }
    }

    /// The reading after `event`.
    pub fn after(self, event: Event) -> Reading {
        match (self, event) {
            (_, Event::Start) => Reading::Speaking {
                run: self.run().wrapping_add(1),
                at: 0,
            },
            (Reading::Speaking { run, at }, Event::Pause) => Reading::Paused { run, at },
            (Reading::Paused { run, at }, Event::Resume) => Reading::Speaking { run, at },
            (_, Event::Stop) => Reading::Idle { run: self.run() },
            (
                Reading::Speaking { run, at },
                Event::Ended {
                    run: r,
                    at: a,
                    blocks,
                },
            ) if r == run && a == at => {
                if at + 1 < blocks {
                    Reading::Speaking { run, at: at + 1 }
                } else {
                    Reading::Idle { run }
                }
            }
            (other, _) => other,
        }
    }

    /// The block being read (or paused in), if any.
    pub fn block(self) -> Option<usize> {
        match self {
            Reading::Idle { .. } => None,
            Reading::Speaking { at, .. } | Reading::Paused { at, .. } => Some(at),
        }
    }
}

/// Whether a voice with this BCP 47 tag reads Chinese (`zh-CN`, `zh_HK`, `cmn-Hans-CN`).
pub fn chinese_voice(lang: &str) -> bool {
    let primary = lang.split(['-', '_']).next().unwrap_or("");
    primary.eq_ignore_ascii_case("zh") || primary.eq_ignore_ascii_case("cmn")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reading_goes_block_by_block_and_can_pause_and_stop() {
        let r = Reading::default().after(Event::Start);
        assert_eq!(r.block(), Some(0));
        let run = match r {
            Reading::Speaking { run, .. } => run,
            _ => unreachable!(),
        };
        let r = r.after(Event::Ended {
            run,
            at: 0,
            blocks: 3,
        });
        assert_eq!(r, Reading::Speaking { run, at: 1 });
        let paused = r.after(Event::Pause);
        assert_eq!(paused, Reading::Paused { run, at: 1 });
        assert_eq!(paused.after(Event::Resume), r);
        let r = r
            .after(Event::Ended {
                run,
                at: 1,
                blocks: 3,
            })
            .after(Event::Ended {
                run,
                at: 2,
                blocks: 3,
            });
        assert_eq!(r, Reading::Idle { run }, "after the last block");
        assert_eq!(
            Reading::Paused { run, at: 1 }.after(Event::Stop),
            Reading::Idle { run }
        );
    }

    #[test]
    fn an_old_readings_end_moves_nothing() {
        let first = Reading::default().after(Event::Start);
        let second = first.after(Event::Stop).after(Event::Start);
        let (old, new) = match (first, second) {
            (Reading::Speaking { run: a, .. }, Reading::Speaking { run: b, .. }) => (a, b),
            _ => unreachable!(),
        };
        assert_ne!(old, new);
        assert_eq!(
            second.after(Event::Ended {
                run: old,
                at: 0,
                blocks: 5
            }),
            second
        );
        assert_eq!(
            second.after(Event::Ended {
                run: new,
                at: 3,
                blocks: 5
            }),
            second,
            "not the block being read"
        );
    }

    #[test]
    fn chinese_voices() {
        for tag in ["zh-CN", "zh_HK", "ZH-tw", "cmn-Hans-CN", "zh"] {
            assert!(chinese_voice(tag), "{tag}");
        }
        for tag in ["en-US", "ja-JP", "", "zhx"] {
            assert!(!chinese_voice(tag), "{tag}");
        }
    }
}
