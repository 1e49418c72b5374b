//! Walking a paginated endpoint page by page: [`Pages`].

use std::collections::HashSet;

use super::Paginated;
use crate::Error;

/// The state of a walk over a [`Paginated`] endpoint, without I/O: it says which
/// request comes next and learns from each page's cursor when to stop.
///
/// * forward (the usual way): each next request sets `after` to the previous
///   page's cursor;
/// * backward, when the first request set `before`: each next request sets
///   `before` to the cursor and clears `after` (Twitch refuses both at once);
/// * the walk ends when a page has no cursor or no items; a cursor that comes
///   back a second time ends it with [`Error::Protocol`] instead of looping.
///
/// ```
/// use twitchapi_core::helix::{streams::GetStreams, Pages};
///
/// let mut pages = Pages::new(GetStreams::default());
/// assert_eq!(pages.next_request().unwrap().after, None);
/// pages.handle_page(Some("c1".into()), 20).unwrap();
/// assert_eq!(pages.next_request().unwrap().after.as_deref(), Some("c1"));
/// // the same cursor again: an error, and the walk is over
/// assert!(pages.handle_page(Some("c1".into()), 20).is_err());
/// assert!(pages.next_request().is_none());
/// ```
#[derive(Debug, Clone)]
pub struct Pages<E> {
    endpoint: E,
    backward: bool,
    seen: HashSet<String>,
    done: bool,
}

impl<E: Paginated> Pages<E> {
    /// A walk that starts with `endpoint` as given.
    pub fn new(endpoint: E) -> Pages<E> {
        Pages {
            backward: endpoint.walks_backward(),
            endpoint,
            seen: HashSet::new(),
            done: false,
        }
    }

    /// The request for the next page, or `None` when the walk is over.
    pub fn next_request(&self) -> Option<&E> {
        (!self.done).then_some(&self.endpoint)
    }

    /// Whether the walk is over.
    pub fn is_done(&self) -> bool {
        self.done
    }

    /// Ends the walk (after an error, or when the caller has enough).
    pub fn finish(&mut self) {
        self.done = true;
    }

    /// The page requested last came back with `cursor` and `items` items.
    pub fn handle_page(&mut self, cursor: Option<String>, items: usize) -> Result<(), Error> {
        let Some(cursor) = cursor.filter(|_| items > 0) else {
            self.done = true;
            return Ok(());
        };
        if !self.seen.insert(cursor.clone()) {
            self.done = true;
            return Err(Error::Protocol(format!(
                "pagination cursor {cursor:?} came back a second time; the walk stops"
            )));
        }
        if self.backward {
            self.endpoint.set_after(None);
            self.endpoint.set_before(Some(cursor));
        } else {
            self.endpoint.set_before(None);
            self.endpoint.set_after(Some(cursor));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::helix::clips::GetClips;
    use crate::helix::Endpoint;

    #[test]
    fn a_backward_walk_sends_before_and_never_after() {
        let first = GetClips {
            broadcaster_id: Some("1".into()),
            before: Some("start".into()),
            ..Default::default()
        };
        let mut pages = Pages::new(first);
        pages.handle_page(Some("p2".into()), 20).unwrap();
        let query = pages.next_request().unwrap().query().encode();
        assert!(query.contains("before=p2"), "{query}");
        assert!(!query.contains("after="), "{query}");
        pages.handle_page(Some("p3".into()), 20).unwrap();
        assert_eq!(pages.next_request().unwrap().before.as_deref(), Some("p3"));
        pages.handle_page(None, 3).unwrap();
        assert!(pages.next_request().is_none());
    }

    #[test]
    fn a_forward_walk_sends_after_and_never_before() {
        let mut pages = Pages::new(GetClips {
            broadcaster_id: Some("1".into()),
            ..Default::default()
        });
        pages.handle_page(Some("p2".into()), 20).unwrap();
        let query = pages.next_request().unwrap().query().encode();
        assert!(
            query.contains("after=p2") && !query.contains("before="),
            "{query}"
        );
    }

    #[test]
    fn a_repeating_cursor_ends_the_walk_with_an_error() {
        let mut pages = Pages::new(GetClips::default());
        pages.handle_page(Some("a".into()), 1).unwrap();
        pages.handle_page(Some("b".into()), 1).unwrap();
        assert!(matches!(
            pages.handle_page(Some("a".into()), 1),
            Err(Error::Protocol(_))
        ));
        assert!(pages.is_done());
    }

    #[test]
    fn an_empty_page_ends_the_walk() {
        let mut pages = Pages::new(GetClips::default());
        pages.handle_page(Some("a".into()), 0).unwrap();
        assert!(pages.next_request().is_none());
    }
}
