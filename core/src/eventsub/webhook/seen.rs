//! The message ids seen lately, so that Twitch's retries are handed out once.

use std::collections::{HashSet, VecDeque};
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

/// Ids of the last 10 minutes (Twitch's age limit: anything older is refused
/// anyway), at most `capacity` of them.
///
/// An id is kept as its 64-bit hash, computed once per message: no copy of
/// the id, one table lookup. Two different ids could share a hash and the
/// second be taken for a repeat; with a full store of 100,000 ids that is a
/// chance of about one in 10^14 per message.
#[derive(Debug)]
pub struct MemorySeenIds {
    hashes: HashSet<u64, BuildHasherDefault<Prehashed>>,
    /// (seen at, as Unix milliseconds; hash), oldest first.
    order: VecDeque<(i64, u64)>,
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
    /// A store keeping ids for 10 minutes, at most `capacity` of them.
    pub fn new(capacity: usize) -> MemorySeenIds {
        MemorySeenIds {
            hashes: HashSet::default(),
            order: VecDeque::new(),
            capacity: capacity.max(1),
            window: 10 * 60 * 1000,
        }
    }

    /// How many ids are kept now.
    pub fn len(&self) -> usize {
        self.order.len()
    }

    /// Whether none is kept.
    pub fn is_empty(&self) -> bool {
        self.order.is_empty()
    }

    fn forget_old(&mut self, now: i64) {
        while let Some(&(at, hash)) = self.order.front() {
            if now.saturating_sub(at) < self.window && self.order.len() < self.capacity {
                break;
            }
            self.order.pop_front();
            self.hashes.remove(&hash);
        }
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
        self.forget_old(now);
        let hash = hash(id);
        if !self.hashes.insert(hash) {
            return false;
        }
        self.order.push_back((now, hash));
        true
    }
}
