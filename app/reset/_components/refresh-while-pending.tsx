'use client';
// Re-renders the confirming page on the server every 3 s, so it moves on by itself once the change is
// settled. A poll rather than <meta http-equiv="refresh">: WCAG 2.2.1 (axe "meta-refresh") forbids a
// timed page reload; without JavaScript the page's "Check again" link does the same by hand.
import { useRouter } from 'next/navigation';
import { useEffect } from 'react';

export function RefreshWhilePending({ intervalMs = 3000 }: { intervalMs?: number }) {
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => router.refresh(), intervalMs);
    return () => clearInterval(timer);
  }, [router, intervalMs]);
  return null;
}
