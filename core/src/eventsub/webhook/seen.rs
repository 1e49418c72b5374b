//! The message ids seen lately, so that Twitch's retries are handed out once.

use std::collections::{HashMap, VecDeque};

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
#[derive(Debug)]
pub struct MemorySeenIds {
    at: HashMap<Box<str>, OffsetDateTime>,
    order: VecDeque<(OffsetDateTime, Box<str>)>,
    capacity: usize,
    window: time::Duration,
}

impl MemorySeenIds {
    /// A store keeping ids for 10 minutes, at most `capacity` of them.
    pub fn new(capacity: usize) -> MemorySeenIds {
        MemorySeenIds {
            at: HashMap::new(),
            order: VecDeque::new(),
            capacity: capacity.max(1),
            window: time::Duration::minutes(10),
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

    fn forget_old(&mut self, now: OffsetDateTime) {
        while let Some((at, _)) = self.order.front() {
            if now - *at < self.window && self.order.len() < self.capacity {
                break;
            }
            if let Some((_, id)) = self.order.pop_front() {
                self.at.remove(&id);
            }
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
        self.forget_old(now);
        if self.at.contains_key(id) {
            return false;
        }
        let id: Box<str> = id.into();
        self.at.insert(id.clone(), now);
        self.order.push_back((now, id));
        true
    }
}
