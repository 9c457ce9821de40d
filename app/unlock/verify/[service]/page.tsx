import { VerifyServicePage } from '@/app/reset/_components/verify-service-page';
import { parseResetQuery, type SearchParams } from '@/app/reset/_components/query';

export default async function Page({
  params,
  searchParams,
}: {
  params: Promise<{ service: string }>;
  searchParams: SearchParams;
}) {
  return (
    <VerifyServicePage purpose="unlock" service={(await params).service} query={await parseResetQuery(searchParams)} />
  );
}
