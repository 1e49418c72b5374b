//! The notification ids seen lately: a hub delivers at least once, so a
//! repeated `Twitch-Notification-Id` is answered but not handed out again.
//! Bounded: the oldest id is forgotten when a new one would pass the capacity.

use std::collections::{HashSet, VecDeque};

/// A set of the last `capacity` ids, in arrival order.
#[derive(Debug)]
pub(crate) struct RecentIds {
    seen: HashSet<Box<str>>,
    order: VecDeque<Box<str>>,
    capacity: usize,
}

impl RecentIds {
    pub(crate) fn new(capacity: usize) -> RecentIds {
        RecentIds {
            seen: HashSet::new(),
            order: VecDeque::new(),
            capacity,
        }
    }

    /// Records `id`; `false` when it was already among the recent ones.
    pub(crate) fn insert(&mut self, id: &str) -> bool {
        if self.capacity == 0 {
            return true;
        }
        if self.seen.contains(id) {
            return false;
        }
        if self.order.len() == self.capacity {
            if let Some(old) = self.order.pop_front() {
                self.seen.remove(&old);
            }
        }
        let id: Box<str> = id.into();
        self.seen.insert(id.clone());
        self.order.push_back(id);
        true
    }

    /// How many ids are remembered now (at most the capacity).
    pub(crate) fn len(&self) -> usize {
        self.order.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeats_are_caught_and_the_memory_stays_bounded() {
        let mut ids = RecentIds::new(3);
        assert!(ids.insert("a"));
        assert!(!ids.insert("a"));
        assert!(ids.insert("b"));
        assert!(ids.insert("c"));
        assert!(ids.insert("d")); // "a" is forgotten
        assert_eq!(ids.len(), 3);
        assert!(!ids.insert("b"));
        assert!(ids.insert("a"));
        for i in 0..10_000 {
            ids.insert(&i.to_string());
        }
        assert_eq!(ids.len(), 3);
        assert_eq!(ids.seen.len(), 3);
    }

    #[test]
    fn a_zero_capacity_keeps_nothing() {
        let mut ids = RecentIds::new(0);
        assert!(ids.insert("a"));
        assert!(ids.insert("a"));
        assert_eq!(ids.len(), 0);
    }
}
