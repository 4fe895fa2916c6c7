import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button } from 'antd';

/** Says that someone else changed the record meanwhile (HTTP 412), and offers to reload it. */
export function ConflictAlert({
  title,
  detail,
  reloadText,
  onReload,
  reloading,
}: {
  title: string;
  detail: string;
  reloadText: string;
  onReload: () => void;
  reloading: boolean;
}) {
  return (
    <Alert
      type="warning"
      showIcon
      role="alert"
      className="conflict-alert"
      title={title}
      description={
        <>
          <p>{detail}</p>
          <Button type="primary" icon={<ReloadOutlined aria-hidden />} onClick={onReload} loading={reloading}>
            {reloadText}
          </Button>
        </>
      }
    />
  );
}
