//! The subscriptions a receiver has read lately, by their exact text.
//!
//! Every notification of a subscription carries the same `subscription`
//! object, byte for byte. Keeping the object read from the first one, under
//! its text, lets the next ones share it: one comparison instead of a parse
//! and a dozen allocations per message. A text that differs in any byte (a
//! new status, say) is read anew, so what is handed out is always what the
//! message said.

use std::collections::HashMap;
use std::sync::Arc;

use crate::eventsub::Subscription;

/// How many subscription texts are kept; when full, the store starts over.
pub(crate) const CAPACITY: usize = 1024;

/// Subscription texts and what they were read as.
#[derive(Debug, Default)]
pub(crate) struct KnownSubscriptions {
    by_text: HashMap<Arc<str>, Arc<Subscription>>,
    /// The last one asked for, checked first (a burst of one subscription's
    /// notifications costs one comparison each, no hashing).
    last: Option<(Arc<str>, Arc<Subscription>)>,
}

impl KnownSubscriptions {
    /// The subscription `text` describes: the one read before from the same
    /// text, or `read(text)`'s, which is then kept.
    pub(crate) fn get_or_read<E>(
        &mut self,
        text: &str,
        read: impl FnOnce(&str) -> Result<Subscription, E>,
    ) -> Result<Arc<Subscription>, E> {
        if let Some((last, known)) = &self.last {
            if **last == *text {
                return Ok(known.clone());
            }
        }
        let (text, subscription) = match self.by_text.get_key_value(text) {
            Some((text, known)) => (text.clone(), known.clone()),
            None => {
                let subscription = Arc::new(read(text)?);
                if self.by_text.len() >= CAPACITY {
                    self.by_text.clear();
                }
                let text: Arc<str> = text.into();
                self.by_text.insert(text.clone(), subscription.clone());
                (text, subscription)
            }
        };
        self.last = Some((text, subscription.clone()));
        Ok(subscription)
    }

    /// The text and subscription read last.
    pub(crate) fn last(&self) -> Option<(&str, &Arc<Subscription>)> {
        self.last.as_ref().map(|(text, known)| (&**text, known))
    }

    /// How many are kept.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.by_text.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Result<Subscription, serde_json::Error> {
        serde_json::from_str(text)
    }

    const A: &str = r#"{"id":"a","status":"enabled","type":"stream.online","version":"1","condition":{"broadcaster_user_id":"1"}}"#;

    #[test]
    fn the_same_text_shares_one_subscription_and_any_change_is_read_anew() {
        let mut known = KnownSubscriptions::default();
        let first = known.get_or_read(A, read).unwrap();
        let again = known
            .get_or_read(A, |_| -> Result<Subscription, serde_json::Error> {
                panic!("read twice")
            })
            .unwrap();
        assert!(Arc::ptr_eq(&first, &again));
        let revoked = A.replace("enabled", "authorization_revoked");
        let changed = known.get_or_read(&revoked, read).unwrap();
        assert_eq!(changed.status, "authorization_revoked");
        assert_eq!(first.status, "enabled");
        assert!(known.get_or_read("{\"id\":1}", read).is_err());
        assert_eq!(known.len(), 2);
    }

    #[test]
    fn the_store_is_bounded() {
        let mut known = KnownSubscriptions::default();
        for i in 0..CAPACITY * 2 + 3 {
            let text = A.replace("\"a\"", &format!("\"{i}\""));
            assert_eq!(known.get_or_read(&text, read).unwrap().id, i.to_string());
            assert!(known.len() <= CAPACITY);
        }
    }
}
