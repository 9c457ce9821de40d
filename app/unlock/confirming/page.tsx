import { ConfirmingPage } from '../../reset/_components/confirming-page';

export const dynamic = 'force-dynamic';

export default async function Page() {
  return <ConfirmingPage purpose="unlock" />;
}
