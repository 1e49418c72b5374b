//! Walking a paginated endpoint page by page: [`Pages`].

use std::collections::HashSet;

use super::Paginated;
use crate::Error;

/// What a walk changes between pages: the `after` and `before` cursors.
/// Every [`Paginated`] endpoint has them; [`JsonCursors`] gives them to
/// parameters held as JSON (the JavaScript package's calls).
pub trait Cursors {
    /// Sets (or with `None` clears) `after`.
    fn set_after(&mut self, cursor: Option<String>);
    /// Sets (or with `None` clears) `before`, where the request has one.
    fn set_before(&mut self, cursor: Option<String>);
    /// Whether the first request walks backward (it set `before`).
    fn walks_backward(&self) -> bool;
}

impl<E: Paginated> Cursors for E {
    fn set_after(&mut self, cursor: Option<String>) {
        Paginated::set_after(self, cursor);
    }

    fn set_before(&mut self, cursor: Option<String>) {
        Paginated::set_before(self, cursor);
    }

    fn walks_backward(&self) -> bool {
        Paginated::walks_backward(self)
    }
}

/// A method's parameters as a JSON object, with the cursors under Twitch's
/// names `after` and `before`.
///
/// ```
/// use twitchapi_core::helix::{JsonCursors, Pages};
///
/// let first = serde_json::json!({ "first": 100 }).as_object().unwrap().clone();
/// let mut pages = Pages::new(JsonCursors(first));
/// pages.handle_page(Some("c1".into()), 100).unwrap();
/// assert_eq!(pages.next_request().unwrap().0["after"], "c1");
/// ```
#[derive(Debug, Clone, Default, PartialEq)]
pub struct JsonCursors(pub serde_json::Map<String, serde_json::Value>);

impl JsonCursors {
    fn set(&mut self, key: &str, cursor: Option<String>) {
        match cursor {
            Some(cursor) => self.0.insert(key.to_owned(), cursor.into()),
            None => self.0.remove(key),
        };
    }
}

impl Cursors for JsonCursors {
    fn set_after(&mut self, cursor: Option<String>) {
        self.set("after", cursor);
    }

    fn set_before(&mut self, cursor: Option<String>) {
        self.set("before", cursor);
    }

    fn walks_backward(&self) -> bool {
        self.0.get("before").is_some_and(|before| !before.is_null())
    }
}

/// The state of a walk over a [`Paginated`] endpoint (or any [`Cursors`]), without I/O: it says which
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

impl<E: Cursors> Pages<E> {
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
    fn json_parameters_walk_like_the_typed_endpoint() {
        let mut pages = Pages::new(JsonCursors::default());
        pages.handle_page(Some("p2".into()), 5).unwrap();
        assert_eq!(pages.next_request().unwrap().0["after"], "p2");
        let first = serde_json::json!({ "before": "start", "after": null });
        let mut back = Pages::new(JsonCursors(first.as_object().unwrap().clone()));
        back.handle_page(Some("p2".into()), 5).unwrap();
        let next = &back.next_request().unwrap().0;
        assert_eq!(
            (next.get("before"), next.get("after")),
            (Some(&"p2".into()), None)
        );
        back.handle_page(Some("p2".into()), 5).unwrap_err();
        assert!(back.is_done());
    }

    #[test]
    fn an_empty_page_ends_the_walk() {
        let mut pages = Pages::new(GetClips::default());
        pages.handle_page(Some("a".into()), 0).unwrap();
        assert!(pages.next_request().is_none());
    }
}
