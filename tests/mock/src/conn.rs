//! Connections a handler can break: the listener wraps every accepted TCP
//! stream, and each request carries a [`Conn`] handle (as connect info) with
//! which the handler arms a cut of its own connection, applied to the bytes
//! of the answer as they are written, or learns when its answer went out.

use std::io;
use std::net::SocketAddr;
use std::pin::Pin;
use std::sync::{Arc, Mutex, MutexGuard};
use std::task::{ready, Context, Poll};

use axum::extract::connect_info::Connected;
use axum::serve::IncomingStream;
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::oneshot;

/// How the next answer on a connection is broken.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Cut {
    /// Nothing goes out: the connection is reset (RST) instead.
    Reset,
    /// The header block and this many body bytes go out, then the connection
    /// closes; `None`: the header block goes out without its final empty line.
    After(Option<usize>),
}

/// Someone waiting for the end of the next answer's head to be written.
#[derive(Debug)]
struct Waiter {
    done: oneshot::Sender<()>,
    /// Bytes of the `\r\n\r\n` header terminator written so far.
    matched: u8,
}

impl Waiter {
    /// Takes note of bytes written; `true` once the head's terminator is among them.
    fn feed(&mut self, bytes: &[u8]) -> bool {
        for &byte in bytes {
            if byte == HEAD_END[usize::from(self.matched)] {
                self.matched += 1;
                if usize::from(self.matched) == HEAD_END.len() {
                    return true;
                }
            } else {
                self.matched = u8::from(byte == b'\r');
            }
        }
        false
    }
}

#[derive(Debug, Default)]
struct Control {
    armed: Mutex<Option<Cut>>,
    written: Mutex<Option<Waiter>>,
}

impl Control {
    fn arm(&self, cut: Cut) {
        *self.armed.lock().unwrap_or_else(|p| p.into_inner()) = Some(cut);
    }

    fn take(&self) -> Option<Cut> {
        self.armed.lock().unwrap_or_else(|p| p.into_inner()).take()
    }

    fn waiter(&self) -> MutexGuard<'_, Option<Waiter>> {
        self.written.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Tells the waiter, if any, that `bytes` went out.
    fn wrote(&self, bytes: &[u8]) {
        let mut waiter = self.waiter();
        if waiter.as_mut().is_some_and(|w| w.feed(bytes)) {
            if let Some(w) = waiter.take() {
                let _ = w.done.send(());
            }
        }
    }

    /// Drops the waiter: its answer will not go out whole.
    fn abandon(&self) {
        self.waiter().take();
    }
}

/// The handle of the connection a request arrived on.
#[derive(Clone, Debug)]
pub(crate) struct Conn(Arc<Control>);

impl Conn {
    /// Resets the connection instead of writing the answer.
    pub fn reset(&self) {
        self.0.arm(Cut::Reset);
    }

    /// Writes the answer's headers and `keep` bytes of its body, then closes.
    pub fn cut_after_body(&self, keep: usize) {
        self.0.arm(Cut::After(Some(keep)));
    }

    /// Writes the answer's header lines but not the empty line ending them, then closes.
    pub fn cut_in_head(&self) {
        self.0.arm(Cut::After(None));
    }

    /// Resolves once the head of the next answer written on this connection
    /// (for an answer without a body: all of it) has been handed to the
    /// socket; fails when the connection is cut or closed first.
    pub fn when_written(&self) -> oneshot::Receiver<()> {
        let (done, written) = oneshot::channel();
        *self.0.waiter() = Some(Waiter { done, matched: 0 });
        written
    }
}

impl Connected<IncomingStream<'_, Listener>> for Conn {
    fn connect_info(stream: IncomingStream<'_, Listener>) -> Self {
        Conn(stream.io().control.clone())
    }
}

/// A TCP listener whose connections can be cut.
#[derive(Debug)]
pub(crate) struct Listener {
    inner: TcpListener,
}

impl Listener {
    pub fn new(inner: TcpListener) -> Self {
        Listener { inner }
    }
}

impl axum::serve::Listener for Listener {
    type Io = FaultIo;
    type Addr = SocketAddr;

    async fn accept(&mut self) -> (FaultIo, SocketAddr) {
        // axum's accept loop logs and retries accept errors.
        let (stream, addr) = axum::serve::Listener::accept(&mut self.inner).await;
        if let Err(error) = stream.set_nodelay(true) {
            tracing::debug!(%error, "twitchapi-mock: cannot set TCP_NODELAY");
        }
        let io = FaultIo {
            stream,
            control: Arc::default(),
            state: Writing::Normal,
        };
        (io, addr)
    }

    fn local_addr(&self) -> io::Result<SocketAddr> {
        self.inner.local_addr()
    }
}

/// Progress through an answer that is cut after part of its body.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Cutting {
    /// Bytes of the `\r\n\r\n` header terminator matched so far (4: in the body).
    matched: u8,
    /// Body bytes still allowed out; `None`: stop before the empty line ending the head.
    keep: Option<usize>,
}

const HEAD_END: &[u8; 4] = b"\r\n\r\n";

impl Cutting {
    /// How many bytes of `buf` may go out, and the state after all of them did.
    fn scan(mut self, buf: &[u8]) -> (usize, Cutting) {
        for (i, &byte) in buf.iter().enumerate() {
            if usize::from(self.matched) == HEAD_END.len() {
                match self.keep {
                    Some(0) | None => return (i, self),
                    Some(keep) => self.keep = Some(keep - 1),
                }
            } else if self.keep.is_none() && self.matched == 2 && byte == b'\r' {
                // The empty line that would end the head.
                return (i, self);
            } else if byte == HEAD_END[usize::from(self.matched)] {
                self.matched += 1;
            } else {
                self.matched = u8::from(byte == b'\r');
            }
        }
        (buf.len(), self)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Writing {
    Normal,
    Cutting(Cutting),
    /// Cut: every further write fails, so the server closes the connection.
    Dead,
}

/// A TCP stream that obeys the cut armed through its [`Conn`].
#[derive(Debug)]
pub(crate) struct FaultIo {
    stream: TcpStream,
    control: Arc<Control>,
    state: Writing,
}

fn broken() -> io::Error {
    io::Error::new(io::ErrorKind::BrokenPipe, "twitchapi-mock: connection cut")
}

impl AsyncRead for FaultIo {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        if self.state == Writing::Dead {
            return Poll::Ready(Ok(()));
        }
        Pin::new(&mut self.stream).poll_read(cx, buf)
    }
}

impl AsyncWrite for FaultIo {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        let this = &mut *self;
        if this.state == Writing::Normal {
            match this.control.take() {
                None => {}
                Some(Cut::Reset) => {
                    // A zero linger makes the close send RST instead of FIN.
                    if let Err(error) = this.stream.set_zero_linger() {
                        tracing::debug!(%error, "twitchapi-mock: cannot set SO_LINGER");
                    }
                    this.state = Writing::Dead;
                    this.control.abandon();
                }
                Some(Cut::After(keep)) => {
                    this.state = Writing::Cutting(Cutting { matched: 0, keep });
                    this.control.abandon();
                }
            }
        }
        match this.state {
            Writing::Normal => {
                let written = ready!(Pin::new(&mut this.stream).poll_write(cx, buf))?;
                this.control.wrote(&buf[..written]);
                Poll::Ready(Ok(written))
            }
            Writing::Dead => Poll::Ready(Err(broken())),
            Writing::Cutting(cutting) => {
                let (allowed, _) = cutting.scan(buf);
                if allowed == 0 && !buf.is_empty() {
                    this.state = Writing::Dead;
                    return Poll::Ready(Err(broken()));
                }
                let written = ready!(Pin::new(&mut this.stream).poll_write(cx, &buf[..allowed]))?;
                let (_, after) = cutting.scan(&buf[..written]);
                this.state = Writing::Cutting(after);
                Poll::Ready(Ok(written))
            }
        }
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.stream).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.stream).poll_shutdown(cx)
    }
}

impl Drop for FaultIo {
    fn drop(&mut self) {
        self.control.abandon();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_waiter_hears_of_the_end_of_the_head() {
        let conn = Conn(Arc::default());
        let mut written = conn.when_written();
        conn.0
            .wrote(b"HTTP/1.1 202 Accepted\r\ncontent-length: 0\r");
        assert!(written.try_recv().is_err());
        conn.0.wrote(b"\n\r");
        assert!(written.try_recv().is_err());
        conn.0.wrote(b"\n");
        assert_eq!(written.try_recv(), Ok(()));
        let mut abandoned = conn.when_written();
        conn.0.abandon();
        assert_eq!(
            abandoned.try_recv(),
            Err(oneshot::error::TryRecvError::Closed)
        );
    }

    fn cutting(keep: usize) -> Cutting {
        Cutting {
            matched: 0,
            keep: Some(keep),
        }
    }

    #[test]
    fn keeps_the_head_and_part_of_the_body() {
        let answer = b"HTTP/1.1 200 OK\r\ncontent-length: 10\r\n\r\n0123456789";
        let head = answer.len() - 10;
        let (allowed, after) = cutting(4).scan(answer);
        assert_eq!(allowed, head + 4);
        assert_eq!(after.keep, Some(0));
        // Written in pieces, the terminator is found across the boundary.
        let (first, state) = cutting(4).scan(&answer[..head - 2]);
        assert_eq!(first, head - 2);
        let (rest, _) = state.scan(&answer[head - 2..]);
        assert_eq!(rest, 2 + 4);
    }

    #[test]
    fn a_lone_cr_lf_is_not_the_end_of_the_head() {
        let (allowed, state) = cutting(0).scan(b"a\r\nb\r\r\n\r");
        assert_eq!(allowed, 8);
        assert_eq!(state.matched, 3);
        let (allowed, _) = state.scan(b"\nbody");
        assert_eq!(allowed, 1);
    }

    #[test]
    fn a_head_cut_stops_before_the_empty_line() {
        let answer = b"HTTP/1.1 204 No Content\r\ndate: x\r\n\r\n";
        let head_cut = Cutting {
            matched: 0,
            keep: None,
        };
        let (allowed, _) = head_cut.scan(answer);
        assert_eq!(allowed, answer.len() - 2);
    }
}
