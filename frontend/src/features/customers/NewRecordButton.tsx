import { PlusOutlined } from '@ant-design/icons';
import { Button } from 'antd';

/** The "New company" / "New contact" button of a list page. */
export function NewRecordButton({ children, onClick }: { children: string; onClick: () => void }) {
  return (
    <Button type="primary" size="large" icon={<PlusOutlined aria-hidden />} onClick={onClick}>
      {children}
    </Button>
  );
}
