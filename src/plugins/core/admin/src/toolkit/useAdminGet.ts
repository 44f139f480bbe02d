import { useEffect, useState } from 'react';
import { useFetchClient } from '@strapi/strapi/admin';

/**
 * One admin API answer read when the page opens: `undefined` while loading, `'error'` when it
 * could not be read (the page then shows its French sentence), the body otherwise.
 */
export function useAdminGet<Body>(path: string): Body | 'error' | undefined {
  const { get } = useFetchClient();
  const [body, setBody] = useState<Body | 'error' | undefined>();
  useEffect(() => {
    let current = true;
    setBody(undefined);
    get<Body>(path).then(
      ({ data }) => current && setBody(data),
      () => current && setBody('error'),
    );
    // A page left before the answer arrives keeps its state untouched.
    return () => {
      current = false;
    };
  }, [get, path]);
  return body;
}
