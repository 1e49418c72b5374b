//! A map kept as one vector sorted by key, for the machines' small maps
//! (PubSub's topics, subscriptions and pending LISTENs, EventSub's wanted
//! subscriptions, the Helix session's calls, requests in flight): maps
//! Twitch's limits keep small, or ones the machine walks whole at every step
//! anyway (PubSub's subscriptions on every message, the session's calls on
//! every pump). Public so that adapters and bindings keep their own small
//! maps the same way.
//!
//! It iterates in key order as `BTreeMap` does, and looks keys up by binary
//! search; inserting and removing move the entries after the key, which is
//! cheap at the sizes these maps have (hundreds, a few thousand at most), and
//! free for keys that only grow (ids) inserted at the end. A map that may grow
//! without such a bound and is not walked whole stays a `BTreeMap`. Its code
//! is a small fraction of a B-tree's or a hash table's, which counts in the
//! WebAssembly build, where every key and value type gets its own copy of the
//! map's code.

use std::borrow::Borrow;
use std::fmt;
use std::ops::Index;

/// A map sorted by key, kept in one vector.
///
/// ```
/// use twitchapi_core::sorted_map::SortedMap;
///
/// let mut map = SortedMap::new();
/// assert_eq!(map.insert(2u64, "b"), None);
/// map.insert(1, "a");
/// assert_eq!(map.insert(2, "B"), Some("b"));
/// assert_eq!(map.get(&1), Some(&"a"));
/// assert!(map.contains_key(&2) && !map.is_empty());
/// assert_eq!(map.keys().copied().collect::<Vec<_>>(), [1, 2]);
/// map.retain(|key, _| *key > 1);
/// assert_eq!(map.remove(&2), Some("B"));
/// assert_eq!(map.len(), 0);
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct SortedMap<K, V> {
    entries: Vec<(K, V)>,
}

impl<K, V> Default for SortedMap<K, V> {
    fn default() -> Self {
        SortedMap {
            entries: Vec::new(),
        }
    }
}

impl<K: Ord, V> SortedMap<K, V> {
    /// An empty map.
    pub fn new() -> Self {
        SortedMap::default()
    }

    fn find<Q: Ord + ?Sized>(&self, key: &Q) -> Result<usize, usize>
    where
        K: Borrow<Q>,
    {
        self.entries.binary_search_by(|(k, _)| k.borrow().cmp(key))
    }

    /// How many entries it holds.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether it holds none.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Sets `key` to `value`, giving back the value it had.
    pub fn insert(&mut self, key: K, value: V) -> Option<V> {
        match self.find(&key) {
            Ok(at) => Some(std::mem::replace(&mut self.entries[at].1, value)),
            Err(at) => {
                self.entries.insert(at, (key, value));
                None
            }
        }
    }

    /// Takes `key`'s entry out, giving back its value.
    pub fn remove<Q: Ord + ?Sized>(&mut self, key: &Q) -> Option<V>
    where
        K: Borrow<Q>,
    {
        let at = self.find(key).ok()?;
        Some(self.entries.remove(at).1)
    }

    /// The value of `key`.
    pub fn get<Q: Ord + ?Sized>(&self, key: &Q) -> Option<&V>
    where
        K: Borrow<Q>,
    {
        let at = self.find(key).ok()?;
        Some(&self.entries[at].1)
    }

    /// The value of `key`, to change it.
    pub fn get_mut<Q: Ord + ?Sized>(&mut self, key: &Q) -> Option<&mut V>
    where
        K: Borrow<Q>,
    {
        let at = self.find(key).ok()?;
        Some(&mut self.entries[at].1)
    }

    /// Whether `key` has an entry.
    pub fn contains_key<Q: Ord + ?Sized>(&self, key: &Q) -> bool
    where
        K: Borrow<Q>,
    {
        self.find(key).is_ok()
    }

    /// Removes every entry.
    pub fn clear(&mut self) {
        self.entries.clear();
    }

    /// Keeps the entries for which `keep` is true.
    pub fn retain(&mut self, mut keep: impl FnMut(&K, &mut V) -> bool) {
        self.entries.retain_mut(|(k, v)| keep(k, v));
    }

    /// The entries in key order.
    pub fn iter(&self) -> impl Iterator<Item = (&K, &V)> {
        self.entries.iter().map(|(k, v)| (k, v))
    }

    /// The entries in key order, values mutable.
    pub fn iter_mut(&mut self) -> impl Iterator<Item = (&K, &mut V)> {
        self.entries.iter_mut().map(|(k, v)| (&*k, v))
    }

    /// The keys in order.
    pub fn keys(&self) -> impl Iterator<Item = &K> {
        self.entries.iter().map(|(k, _)| k)
    }

    /// The values in key order.
    pub fn values(&self) -> impl Iterator<Item = &V> {
        self.entries.iter().map(|(_, v)| v)
    }

    /// The values in key order, mutable.
    pub fn values_mut(&mut self) -> impl Iterator<Item = &mut V> {
        self.entries.iter_mut().map(|(_, v)| v)
    }
}

impl<K: Ord + Borrow<Q>, Q: Ord + ?Sized, V> Index<&Q> for SortedMap<K, V> {
    type Output = V;

    /// The value of `key`; panics when there is none, as `BTreeMap`'s does
    /// (callers index only keys they have just inserted).
    fn index(&self, key: &Q) -> &V {
        self.get(key).expect("no entry for the key")
    }
}

/// Printed as a map, like `BTreeMap`.
impl<K: fmt::Debug, V: fmt::Debug> fmt::Debug for SortedMap<K, V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map()
            .entries(self.entries.iter().map(|(k, v)| (k, v)))
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::SortedMap;
    use crate::machine::Rng;

    /// Random inserts, removes and updates: the map holds what a `BTreeMap`
    /// holds, in the same order, and answers every lookup the same way.
    #[test]
    fn behaves_as_a_btree_map() {
        let mut rng = Rng::new(5);
        let mut ours: SortedMap<u16, u64> = SortedMap::new();
        let mut theirs: BTreeMap<u16, u64> = BTreeMap::new();
        for step in 0..20_000u64 {
            let key = (rng.next_u64() % 300) as u16;
            match rng.next_u64() % 4 {
                0 | 1 => assert_eq!(ours.insert(key, step), theirs.insert(key, step)),
                2 => assert_eq!(ours.remove(&key), theirs.remove(&key)),
                _ => {
                    if let (Some(a), Some(b)) = (ours.get_mut(&key), theirs.get_mut(&key)) {
                        *a += 1;
                        *b += 1;
                    }
                }
            }
            assert_eq!(ours.get(&key), theirs.get(&key));
            assert_eq!(ours.contains_key(&key), theirs.contains_key(&key));
            assert_eq!(ours.len(), theirs.len());
        }
        assert!(ours.iter().eq(theirs.iter()));
        assert!(ours.keys().eq(theirs.keys()));
        assert!(ours.values().eq(theirs.values()));
        assert_eq!(format!("{ours:?}"), format!("{theirs:?}"));
        ours.retain(|k, v| (u64::from(*k) + *v) % 3 != 0);
        theirs.retain(|k, v| (u64::from(*k) + *v) % 3 != 0);
        assert!(ours.iter().eq(theirs.iter()));
        for (_, v) in ours.iter_mut() {
            *v = 0;
        }
        ours.values_mut().for_each(|v| *v += 1);
        assert!(ours.values().all(|v| *v == 1));
        ours.clear();
        assert_eq!(ours.len(), 0);
    }

    #[test]
    fn string_keys_are_looked_up_by_str() {
        let mut map: SortedMap<String, u8> = SortedMap::new();
        map.insert("b".into(), 2);
        map.insert("a".into(), 1);
        assert_eq!(map["a"], 1);
        assert_eq!(map.keys().collect::<Vec<_>>(), ["a", "b"]);
    }
}
