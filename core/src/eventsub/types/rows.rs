//! Finding the row of a subscription type and version in the registry with
//! one hash lookup, instead of comparing it with every row in turn (the
//! registry has more than 80).

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// FNV-1a: the keys are the registry's own short strings, so a hash that
/// resists chosen keys buys nothing here; a lookup of an unknown type only
/// misses.
pub(super) struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = self.0;
        for &b in bytes {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

/// Row indexes by `(type, version)`.
pub(super) struct Rows(HashMap<(&'static str, &'static str), usize, BuildHasherDefault<Fnv>>);

impl Rows {
    pub(super) fn new(types: &'static [(&'static str, &'static str)]) -> Rows {
        Rows(types.iter().enumerate().map(|(i, &row)| (row, i)).collect())
    }

    /// The index of `(kind, version)` in the table the rows were made from.
    pub(super) fn get(&self, kind: &str, version: &str) -> Option<usize> {
        // the map is covariant in its keys: looked up with shorter-lived ones
        let map: &HashMap<(&str, &str), usize, BuildHasherDefault<Fnv>> = &self.0;
        map.get(&(kind, version)).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::super::TYPES;
    use super::*;

    #[test]
    fn every_row_is_found_at_its_index_and_nothing_else_is() {
        let rows = Rows::new(TYPES);
        for (i, &(kind, version)) in TYPES.iter().enumerate() {
            // looked up with strings that live shorter than the table's
            let (kind, version) = (String::from(kind), String::from(version));
            assert_eq!(rows.get(&kind, &version), Some(i));
        }
        for (kind, version) in [
            ("channel.follow", "1"),
            ("channel.follow", ""),
            ("", "2"),
            ("channel.follow2", ""),
            ("channel.follo", "w2"),
        ] {
            assert_eq!(rows.get(kind, version), None, "{kind} {version}");
        }
    }
}
