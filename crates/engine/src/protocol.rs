//! The messages between the page and a Web Worker of a program's pools, typed, and their
//! wire form (one string, which `postMessage` copies). Both sides use this one definition.
//! Times are absolute (`performance.timeOrigin + performance.now()`), so that each side
//! places the other's moments on its own clock.

/// From the page to a worker.
#[derive(Clone, Debug, PartialEq)]
pub enum ToWorker {
    /// Check `source`'s program now, so that its calls start at once.
    Prepare {
        /// The program's source.
        source: String,
    },
    /// Run a call of `source`'s program: `request` is the Python engine's wire form.
    Call {
        /// The call's number, echoed in the answers.
        call: u32,
        /// The page's `performance.timeOrigin`: the run's clock is the page's.
        origin: f64,
        /// The program's source (the worker keeps the last one it checked).
        source: String,
        /// The request (`playground_python::serve`'s).
        request: String,
    },
}

/// From a worker to the page.
#[derive(Clone, Debug, PartialEq)]
pub enum FromWorker {
    /// Started and ready for calls.
    Ready,
    /// Call `call` began.
    Started {
        /// The call.
        call: u32,
    },
    /// Call `call` wrote a line at `at` (absolute ms), at the program's `line`.
    Line {
        /// The call.
        call: u32,
        /// Standard error (else standard output).
        stderr: bool,
        /// When, on the worker's clock (absolute ms).
        at: f64,
        /// The program's line that wrote it.
        line: usize,
        /// The line, without its newline.
        text: String,
    },
    /// Call `call` ended with `reply` (`playground_python::serve`'s wire form).
    Done {
        /// The call.
        call: u32,
        /// The reply.
        reply: String,
    },
}

/// A message that is not one of the protocol's.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProtocolError(pub String);

impl std::fmt::Display for ProtocolError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let head: String = self.0.chars().take(60).collect();
        write!(f, "not a message of the program workers' protocol: {head:?}")
    }
}

/// The head (before the first newline) split at commas, and the body after it.
fn split(wire: &str) -> (Vec<&str>, &str) {
    let (head, body) = wire.split_once('\n').unwrap_or((wire, ""));
    (head.split(',').collect(), body)
}

fn number<T: std::str::FromStr>(field: Option<&&str>) -> Option<T> {
    field.and_then(|f| f.parse().ok())
}

/// A time field (ms): read by the project's float parser, not the standard library's (which
/// carries a 10 KB table).
fn time(field: Option<&&str>) -> Option<f64> {
    field.and_then(|f| playground_core::decimal::parse_f64(f))
}

impl ToWorker {
    /// The wire form.
    pub fn encode(&self) -> String {
        match self {
            ToWorker::Call { call, origin, source, request } => {
                format!("C,{call},{origin},{}\n{source}{request}", source.len())
            }
            ToWorker::Prepare { source } => format!("P\n{source}"),
        }
    }

    /// Reads the wire form.
    pub fn decode(wire: &str) -> Result<ToWorker, ProtocolError> {
        let bad = || ProtocolError(wire.to_string());
        let (head, body) = split(wire);
        match head.first() {
            Some(&"P") if head.len() == 1 => Ok(ToWorker::Prepare { source: body.into() }),
            Some(&"C") if head.len() == 4 => {
                let (call, origin, len): (u32, f64, usize) = (
                    number(head.get(1)).ok_or_else(bad)?,
                    time(head.get(2)).ok_or_else(bad)?,
                    number(head.get(3)).ok_or_else(bad)?,
                );
                let (source, request) = (body.get(..len).ok_or_else(bad)?, body.get(len..).ok_or_else(bad)?);
                Ok(ToWorker::Call { call, origin, source: source.into(), request: request.into() })
            }
            _ => Err(bad()),
        }
    }
}

impl FromWorker {
    /// The wire form.
    pub fn encode(&self) -> String {
        match self {
            FromWorker::Ready => "R".into(),
            FromWorker::Started { call } => format!("S,{call}"),
            FromWorker::Line { call, stderr, at, line, text } => {
                format!("L,{call},{},{at},{line}\n{text}", u8::from(*stderr))
            }
            FromWorker::Done { call, reply } => format!("D,{call}\n{reply}"),
        }
    }

    /// Reads the wire form.
    pub fn decode(wire: &str) -> Result<FromWorker, ProtocolError> {
        let bad = || ProtocolError(wire.to_string());
        let (head, body) = split(wire);
        match (head.first(), head.len()) {
            (Some(&"R"), 1) => Ok(FromWorker::Ready),
            (Some(&"S"), 2) => Ok(FromWorker::Started { call: number(head.get(1)).ok_or_else(bad)? }),
            (Some(&"L"), 5) => Ok(FromWorker::Line {
                call: number(head.get(1)).ok_or_else(bad)?,
                stderr: number::<u8>(head.get(2)).ok_or_else(bad)? == 1,
                at: time(head.get(3)).ok_or_else(bad)?,
                line: number(head.get(4)).ok_or_else(bad)?,
                text: body.into(),
            }),
            (Some(&"D"), 2) => Ok(FromWorker::Done { call: number(head.get(1)).ok_or_else(bad)?, reply: body.into() }),
            _ => Err(bad()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_reads_back() {
        let call = ToWorker::Call {
            call: 7,
            origin: 1234.5,
            source: "print('a,b')\nx = 1\n".into(),
            request: "W1t\n,,\n".into(),
        };
        assert_eq!(ToWorker::decode(&call.encode()), Ok(call));
        let prepare = ToWorker::Prepare { source: "x = 1\n".into() };
        assert_eq!(ToWorker::decode(&prepare.encode()), Ok(prepare));
        for m in [
            FromWorker::Ready,
            FromWorker::Started { call: 12 },
            FromWorker::Line { call: 3, stderr: true, at: 99.25, line: 7, text: "a, b\n c".into() },
            FromWorker::Line { call: 0, stderr: false, at: 0.0, line: 0, text: String::new() },
            FromWorker::Done { call: 4_000_000_000, reply: "V1r\n".into() },
        ] {
            assert_eq!(FromWorker::decode(&m.encode()), Ok(m));
        }
    }

    #[test]
    fn garbled_messages_are_errors() {
        for bad in ["", "X", "C,1,2", "C,1,2,99\nshort", "L,1,2\nx", "D,x\n", "R,1", "C,-1,0,0\n"] {
            assert!(ToWorker::decode(bad).is_err(), "{bad:?}");
            assert!(FromWorker::decode(bad).is_err(), "{bad:?}");
        }
    }
}
