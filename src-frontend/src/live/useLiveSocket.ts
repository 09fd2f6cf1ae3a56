import { useEffect, useRef, useState } from 'react';
import type { LiveMessage } from '../api/types';
import { LiveSocket, liveUrl, type LiveStatus } from './LiveSocket';

export interface LiveState {
  status: LiveStatus;
  retryInMs: number | undefined;
  reconnectNow: () => void;
  /** Ask for a fresh snapshot now. */
  resync: () => void;
}

/** Keeps one live connection to `path` open while mounted (null path: none). */
export function useLiveSocket(
  path: string | null,
  token: () => Promise<string | null>,
  renewToken: (() => Promise<string | null>) | undefined,
  onMessage: (message: LiveMessage) => void,
): LiveState {
  const [status, setStatus] = useState<LiveStatus>('connecting');
  const [retryInMs, setRetryInMs] = useState<number | undefined>();
  const socketRef = useRef<LiveSocket | null>(null);
  // the latest callbacks without reconnecting when they change identity
  const handlers = useRef({ token, renewToken, onMessage });
  useEffect(() => {
    handlers.current = { token, renewToken, onMessage };
  });

  useEffect(() => {
    if (!path) return undefined;
    const socket = new LiveSocket({
      url: liveUrl(path),
      token: () => handlers.current.token(),
      renewToken: () => (handlers.current.renewToken ? handlers.current.renewToken() : Promise.resolve(null)),
      onMessage: (m) => handlers.current.onMessage(m),
      isOnline: () => navigator.onLine,
      onStatus: (s, retry) => {
        setStatus(s);
        setRetryInMs(retry);
      },
    });
    socketRef.current = socket;
    socket.start();
    const online = () => socket.reconnectNow();
    const offline = () => socket.connectionLost();
    window.addEventListener('online', online);
    window.addEventListener('offline', offline);
    return () => {
      window.removeEventListener('online', online);
      window.removeEventListener('offline', offline);
      socket.stop();
      socketRef.current = null;
    };
  }, [path]);

  return { status, retryInMs, reconnectNow: () => socketRef.current?.reconnectNow(), resync: () => socketRef.current?.resync() };
}
