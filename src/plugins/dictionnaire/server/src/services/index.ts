import summary from './summary';

export default { summary };
