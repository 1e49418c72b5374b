//! Message ids of the last 10 minutes (bounded): Twitch may send a message
//! twice, and during a reconnect handoff both sockets deliver.

use std::collections::{HashSet, VecDeque};

use crate::{Duration, Instant};

const WINDOW: Duration = Duration::from_secs(600);

#[derive(Debug)]
pub(crate) struct Recent {
    ids: HashSet<Box<str>>,
    order: VecDeque<(Instant, Box<str>)>,
    capacity: usize,
}

impl Recent {
    pub(crate) fn new(capacity: usize) -> Recent {
        Recent {
            ids: HashSet::new(),
            order: VecDeque::new(),
            capacity: capacity.max(1),
        }
    }

    /// `false` when `id` was seen in the last 10 minutes.
    pub(crate) fn insert(&mut self, id: &str, now: Instant) -> bool {
        while let Some((at, _)) = self.order.front() {
            if now.saturating_duration_since(*at) < WINDOW && self.order.len() < self.capacity {
                break;
            }
            if let Some((_, old)) = self.order.pop_front() {
                self.ids.remove(&old);
            }
        }
        if self.ids.contains(id) {
            return false;
        }
        let id: Box<str> = id.into();
        self.ids.insert(id.clone());
        self.order.push_back((now, id));
        true
    }

    pub(crate) fn len(&self) -> usize {
        self.order.len()
    }
}
