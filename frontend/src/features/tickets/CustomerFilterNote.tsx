import { Button, Flex, Typography } from 'antd';

interface Props {
  /** e.g. "Tickets of Zhao Min" */
  text: string;
  clearText: string;
  onClear: () => void;
}

/** Says whose tickets the list shows, with a button that drops that customer filter. */
export function CustomerFilterNote({ text, clearText, onClear }: Props) {
  return (
    <Flex align="center" gap={8} wrap className="ticket-customer-filter">
      <Typography.Text>{text}</Typography.Text>
      <Button size="small" onClick={onClear}>
        {clearText}
      </Button>
    </Flex>
  );
}
