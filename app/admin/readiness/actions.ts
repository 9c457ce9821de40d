'use server';
// /admin/readiness's per-user action through the pipeline (server/http/define-server-action.ts): origin,
// Portal.Admin, the user's id with zod, then the reminder (queued once a day, audited) and a redirect that
// says what happened.
import { z } from 'zod';
import { sendRegistrationReminder } from '@/server/account/registration-reminder';
import { defineServerAction } from '@/server/http/define-server-action';

export const sendRegistrationReminderAction = defineServerAction({
  name: 'admin.readiness.remind',
  page: '/admin/readiness',
  access: { roles: ['Portal.Admin'] },
  fields: z.object({ userId: z.string().trim().min(1).max(200) }),
  invalidInputKey: () => 'account.admin.remindInvalid',
  handle: async (context, form) => {
    const outcome = await sendRegistrationReminder(context, form.userId);
    const query = new URLSearchParams({ reminded: form.userId, result: outcome });
    return { redirectTo: `/admin/readiness?${query.toString()}#reminder-status` };
  },
});
