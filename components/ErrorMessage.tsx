import type { AppError } from '@/utils/errors';

export function ErrorMessage({ error }: { error: AppError | { message: string; code?: string } | null | undefined }) {
  if (!error) return null;
  return (
    <div class="snt-message snt-message-error" role="alert" data-error-code={error.code}>
      {error.message}
    </div>
  );
}
