//! The message ids seen lately, so that Twitch's retries are handed out once.

use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hasher};

use time::OffsetDateTime;

/// Where a [`super::Receiver`] remembers message ids. The default is in
/// memory ([`MemorySeenIds`]); a receiver scaled over several machines can
/// put a shared store behind this trait.
pub trait SeenIds: Send {
    /// Records `id`, seen at `now`; `false` when it was seen already (within
    /// the store's window).
    fn insert(&mut self, id: &str, now: OffsetDateTime) -> bool;
}

/// Ids seen lately, each kept at least 10 minutes (Twitch's age limit:
/// anything older is refused anyway) or until `capacity` later ids came in,
/// whichever ends first.
///
/// Ids go into a current generation; when it is 10 minutes old or holds
/// `capacity` ids it becomes the previous one and the one before is dropped
/// whole. So nothing is removed one by one, and at most `2 × capacity` ids
/// are kept (an id may be remembered up to 20 minutes).
///
/// An id is kept as its 64-bit hash, computed once per message: no copy of
/// the id, one table lookup per generation. Two different ids could share a
/// hash and the second be taken for a repeat; with 200,000 ids kept that is a
/// chance of about one in 10^14 per message.
#[derive(Debug)]
pub struct MemorySeenIds {
    current: HashSet<u64, BuildHasherDefault<Prehashed>>,
    previous: HashSet<u64, BuildHasherDefault<Prehashed>>,
    /// When `current` began, as Unix milliseconds.
    since: i64,
    capacity: usize,
    /// In milliseconds.
    window: i64,
}

/// The table's hasher: its keys are hashes already.
#[derive(Debug, Default)]
struct Prehashed(u64);

impl Hasher for Prehashed {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        // only u64 keys are hashed; this keeps any other use well defined
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

fn hash(id: &str) -> u64 {
    // SipHash-1-3 with fixed keys: the same on every platform and run
    let mut hasher = std::hash::DefaultHasher::new();
    hasher.write(id.as_bytes());
    hasher.finish()
}

impl MemorySeenIds {
    /// A store keeping ids for 10 minutes, `capacity` of them at least
    /// (within that time).
    pub fn new(capacity: usize) -> MemorySeenIds {
        MemorySeenIds {
            current: HashSet::default(),
            previous: HashSet::default(),
            since: i64::MIN,
            capacity: capacity.max(1),
            window: 10 * 60 * 1000,
        }
    }

    /// How many ids are kept now.
    pub fn len(&self) -> usize {
        self.current.len() + self.previous.len()
    }

    /// Whether none is kept.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Starts a new generation when the current one is full or old.
    fn turn(&mut self, now: i64) {
        if now.saturating_sub(self.since) < self.window && self.current.len() < self.capacity {
            return;
        }
        if now.saturating_sub(self.since) >= 2 * self.window {
            // the current generation is past its time too
            self.current.clear();
        }
        std::mem::swap(&mut self.current, &mut self.previous);
        self.current.clear();
        self.since = now;
    }
}

impl Default for MemorySeenIds {
    fn default() -> Self {
        MemorySeenIds::new(100_000)
    }
}

impl SeenIds for MemorySeenIds {
    fn insert(&mut self, id: &str, now: OffsetDateTime) -> bool {
        let now = i64::try_from(now.unix_timestamp_nanos() / 1_000_000).unwrap_or(i64::MAX);
        self.turn(now);
        let hash = hash(id);
        !self.previous.contains(&hash) && self.current.insert(hash)
    }
}
